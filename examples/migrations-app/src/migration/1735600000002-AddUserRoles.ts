import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddUserRoles1735600000002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN role VARCHAR(50) NOT NULL DEFAULT 'member'`);
  }

  async down(): Promise<void> {}
}
