import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Agent } from './agent';
import { User } from './user';

@Entity('user_sessions')
export class UserSession {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'session_id', type: 'varchar', length: 255, unique: true })
  sessionId: string;

  @ManyToOne(
    () => User,
    (user) => user.sessions,
    { nullable: false, onDelete: 'CASCADE' },
  )
  @JoinColumn({ name: 'user_id' })
  user: User;

  @ManyToOne(() => Agent, { nullable: true })
  @JoinColumn({ name: 'active_agent_id' })
  activeAgent: Agent | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamp', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'is_active', default: true })
  isActive: boolean;

  // Added by migrations 004 and 005; code that inserts sessions writes both.
  @Column({ name: 'message_count', type: 'integer', default: 0 })
  messageCount: number;

  @Column({ name: 'user_query_count', type: 'integer', default: 0 })
  userQueryCount: number;
}
