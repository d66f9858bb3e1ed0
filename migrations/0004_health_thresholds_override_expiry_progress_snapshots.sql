CREATE TABLE `progress_snapshot` (
	`project_id` text NOT NULL,
	`date` text NOT NULL,
	`actual` real NOT NULL,
	`planned` real NOT NULL,
	PRIMARY KEY(`project_id`, `date`),
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `organization` ADD `health_thresholds` text;--> statement-breakpoint
ALTER TABLE `project` ADD `health_override_expires_on` text;