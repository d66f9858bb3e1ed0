CREATE TABLE `dependency` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`predecessor_id` text NOT NULL,
	`successor_id` text NOT NULL,
	`type` text DEFAULT 'FS' NOT NULL,
	`lag` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`predecessor_id`) REFERENCES `task`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`successor_id`) REFERENCES `task`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "dependency_not_self" CHECK("dependency"."predecessor_id" <> "dependency"."successor_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dependency_pair_unique` ON `dependency` (`predecessor_id`,`successor_id`);--> statement-breakpoint
CREATE INDEX `dependency_project_idx` ON `dependency` (`project_id`);--> statement-breakpoint
CREATE INDEX `dependency_successor_idx` ON `dependency` (`successor_id`);--> statement-breakpoint
CREATE TABLE `phase` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`name` text NOT NULL,
	`sort_order` real NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`deleted_batch` text,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `phase_project_idx` ON `phase` (`project_id`,`deleted_at`,`sort_order`);--> statement-breakpoint
CREATE TABLE `playbook_entry` (
	`organization_id` text NOT NULL,
	`category` text NOT NULL,
	`raci_ipm` text,
	`raci_pm` text,
	`raci_customer` text,
	`raci_vendor` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`organization_id`, `category`),
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `task` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`phase_id` text NOT NULL,
	`parent_id` text,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`category` text NOT NULL,
	`status` text DEFAULT 'not_started' NOT NULL,
	`start_date` text,
	`due_date` text,
	`duration` integer,
	`percent_complete` integer DEFAULT 0 NOT NULL,
	`estimate_hours` real,
	`actual_hours` real,
	`assignee_id` text,
	`milestone_id` text,
	`internal_only` integer DEFAULT false NOT NULL,
	`sort_order` real NOT NULL,
	`raci_ipm` text,
	`raci_pm` text,
	`raci_customer` text,
	`raci_vendor` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`deleted_batch` text,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`phase_id`) REFERENCES `phase`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `task`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignee_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "task_percent_range" CHECK("task"."percent_complete" BETWEEN 0 AND 100),
	CONSTRAINT "task_duration_positive" CHECK("task"."duration" IS NULL OR "task"."duration" >= 1),
	CONSTRAINT "task_dates_ordered" CHECK("task"."start_date" IS NULL OR "task"."due_date" IS NULL OR "task"."start_date" <= "task"."due_date")
);
--> statement-breakpoint
CREATE INDEX `task_project_idx` ON `task` (`project_id`,`deleted_at`,`phase_id`,`sort_order`);--> statement-breakpoint
CREATE INDEX `task_parent_idx` ON `task` (`parent_id`);--> statement-breakpoint
CREATE INDEX `task_assignee_idx` ON `task` (`assignee_id`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `task_batch_idx` ON `task` (`project_id`,`deleted_batch`);