import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { UserSession } from './user-session';

export enum UserRole {
  Admin = 'admin',
  Member = 'member',
  Guest = 'guest',
}

@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 255, unique: true })
  email: string;

  // The column type comes from the TypeScript type alone (emitDecoratorMetadata): varchar.
  @Column()
  displayName: string;

  @Column({ type: 'enum', enum: UserRole, default: UserRole.Member })
  role: UserRole;

  @Column({ default: true })
  isActive: boolean;

  @CreateDateColumn()
  createdAt: Date;

  @OneToMany('UserSession', (session: UserSession) => session.user)
  sessions: UserSession[];
}
