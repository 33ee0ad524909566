ALTER TABLE user_sessions ADD COLUMN message_count INTEGER DEFAULT 0;
