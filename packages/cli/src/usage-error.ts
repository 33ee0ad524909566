/** Bad input the user can correct: exit code 2 and one line saying what to do. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
}
