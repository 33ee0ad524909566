ALTER TABLE user_sessions ADD COLUMN user_query_count INTEGER DEFAULT 0;
