DROP INDEX `task_assignee_idx`;--> statement-breakpoint
CREATE INDEX `task_assignee_idx` ON `task` (`assignee_id`,`deleted_at`,`due_date`);