import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Agent } from './agent';
import { User } from './user';

@Entity('user_sessions')
export class UserSession {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'session_id', type: 'varchar', length: 255, unique: true })
  sessionId: string;

  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: User;

  @ManyToOne(() => Agent, { nullable: true })
  @JoinColumn({ name: 'active_agent_id' })
  activeAgent: Agent | null;

  @Column({ name: 'active_corpora', type: 'text', nullable: true })
  activeCorpora: string | null;

  @Column({ name: 'created_at', type: 'timestamp', nullable: true, default: () => 'CURRENT_TIMESTAMP' })
  createdAt: Date | null;

  @Column({ name: 'last_activity', type: 'timestamp', nullable: true, default: () => 'CURRENT_TIMESTAMP' })
  lastActivity: Date | null;

  @Column({ name: 'expires_at', type: 'timestamp', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'is_active', type: 'boolean', nullable: true, default: true })
  isActive: boolean | null;

  // Added by migrations 004 and 005: the code that creates sessions writes both.
  @Column({ name: 'message_count', type: 'integer', nullable: true, default: 0 })
  messageCount: number | null;

  @Column({ name: 'user_query_count', type: 'integer', nullable: true, default: 0 })
  userQueryCount: number | null;
}
