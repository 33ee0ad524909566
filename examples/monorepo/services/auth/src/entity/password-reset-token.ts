import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AuthUser } from './auth-user';

@Entity('password_reset_tokens')
export class PasswordResetToken {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  token: string;

  @ManyToOne(() => AuthUser, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user: AuthUser;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
