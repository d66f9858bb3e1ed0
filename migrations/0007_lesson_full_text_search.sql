-- Full-text index of the lessons library (SQLite FTS5). Its rowid is lesson.seq, a stable
-- number (implicit rowids may be renumbered by VACUUM). Kept current by triggers, so every
-- way a lesson is written (service, import, restore) stays searchable.
CREATE VIRTUAL TABLE `lesson_fts` USING fts5(summary, recommendation, tags, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `lesson_fts_insert` AFTER INSERT ON `lesson` BEGIN
  INSERT INTO lesson_fts(rowid, summary, recommendation, tags) VALUES (new.seq, new.summary, new.recommendation, new.tags);
END;
--> statement-breakpoint
CREATE TRIGGER `lesson_fts_update` AFTER UPDATE OF summary, recommendation, tags, seq ON `lesson` BEGIN
  DELETE FROM lesson_fts WHERE rowid = old.seq;
  INSERT INTO lesson_fts(rowid, summary, recommendation, tags) VALUES (new.seq, new.summary, new.recommendation, new.tags);
END;
--> statement-breakpoint
CREATE TRIGGER `lesson_fts_delete` AFTER DELETE ON `lesson` BEGIN
  DELETE FROM lesson_fts WHERE rowid = old.seq;
END;
