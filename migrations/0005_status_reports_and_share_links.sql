CREATE TABLE `share_link` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`label` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` text NOT NULL,
	`created_by` text,
	`revoked_at` text,
	`revoked_by` text,
	`last_used_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`revoked_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `share_link_token_hash_unique` ON `share_link` (`token_hash`);--> statement-breakpoint
CREATE INDEX `share_link_project_idx` ON `share_link` (`project_id`);--> statement-breakpoint
CREATE TABLE `status_report` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`number` integer NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`overall` text NOT NULL,
	`schedule` text NOT NULL,
	`budget` text NOT NULL,
	`scope` text NOT NULL,
	`risk` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`accomplishments` text DEFAULT '' NOT NULL,
	`next_steps` text DEFAULT '' NOT NULL,
	`asks` text DEFAULT '' NOT NULL,
	`top_risks` text NOT NULL,
	`milestones` text NOT NULL,
	`metrics` text NOT NULL,
	`created_by` text,
	`published_at` text,
	`published_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`published_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `status_report_number_unique` ON `status_report` (`project_id`,`number`);--> statement-breakpoint
CREATE INDEX `status_report_project_idx` ON `status_report` (`project_id`,`status`,`period_end`);