import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddUserQueryCount1735600000005 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE user_sessions ADD COLUMN user_query_count INTEGER DEFAULT 0`);
  }

  async down(): Promise<void> {}
}
