CREATE TABLE `baseline` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`name` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `baseline_project_idx` ON `baseline` (`project_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `baseline_milestone` (
	`baseline_id` text NOT NULL,
	`milestone_id` text NOT NULL,
	`name` text NOT NULL,
	`date` text,
	PRIMARY KEY(`baseline_id`, `milestone_id`),
	FOREIGN KEY (`baseline_id`) REFERENCES `baseline`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `baseline_task` (
	`baseline_id` text NOT NULL,
	`task_id` text NOT NULL,
	`title` text NOT NULL,
	`start_date` text,
	`due_date` text,
	`duration` integer,
	PRIMARY KEY(`baseline_id`, `task_id`),
	FOREIGN KEY (`baseline_id`) REFERENCES `baseline`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `gate_criterion` (
	`id` text PRIMARY KEY NOT NULL,
	`milestone_id` text NOT NULL,
	`item` text NOT NULL,
	`owner_id` text,
	`evidence` text DEFAULT '' NOT NULL,
	`required` integer DEFAULT true NOT NULL,
	`met` integer DEFAULT false NOT NULL,
	`sort_order` real NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestone`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `gate_criterion_milestone_idx` ON `gate_criterion` (`milestone_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `gate_signer` (
	`milestone_id` text NOT NULL,
	`user_id` text NOT NULL,
	`signed_at` text,
	`comment` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`milestone_id`, `user_id`),
	FOREIGN KEY (`milestone_id`) REFERENCES `milestone`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `holiday` (
	`organization_id` text NOT NULL,
	`date` text NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`organization_id`, `date`),
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `milestone` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`baseline_date` text,
	`forecast_override` text,
	`forecast_reason` text,
	`actual_date` text,
	`status_override` text,
	`status_reason` text,
	`is_gate` integer DEFAULT false NOT NULL,
	`is_go_live` integer DEFAULT false NOT NULL,
	`decision` text,
	`decision_reason` text,
	`decision_by` text,
	`decision_at` text,
	`sort_order` real DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decision_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `milestone_project_idx` ON `milestone` (`project_id`,`deleted_at`);