import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { User } from './user.js';

@Entity('messages')
export class Message {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  body: string;

  // every message is counted when read: the column the app's queries rely on
  @Column({ type: 'integer', default: 0 })
  readCount: number;

  @ManyToOne('User', { nullable: false, onDelete: 'CASCADE' })
  author: User;
}
