import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddMessageCount1735600000004 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE user_sessions ADD COLUMN message_count INTEGER DEFAULT 0`);
  }

  async down(): Promise<void> {}
}
