CREATE TABLE `comm_audience` (
	`comm_id` text NOT NULL,
	`stakeholder_id` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`comm_id`, `stakeholder_id`),
	FOREIGN KEY (`comm_id`) REFERENCES `comm_item`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`stakeholder_id`) REFERENCES `stakeholder`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `comm_audience_stakeholder_idx` ON `comm_audience` (`stakeholder_id`);--> statement-breakpoint
CREATE TABLE `comm_item` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`quadrant` text,
	`purpose` text NOT NULL,
	`channel` text NOT NULL,
	`frequency` text NOT NULL,
	`owner_role` text NOT NULL,
	`next_due` text,
	`anchor_day` integer,
	`last_done_on` text,
	`last_done_by` text,
	`notes` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`last_done_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `comm_item_project_idx` ON `comm_item` (`project_id`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `comm_item_due_idx` ON `comm_item` (`next_due`);--> statement-breakpoint
CREATE TABLE `raid_item` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`kind` text NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`owner_user_id` text,
	`owner_stakeholder_id` text,
	`due_date` text,
	`probability` integer,
	`impact` integer,
	`residual_probability` integer,
	`residual_impact` integer,
	`polarity` text DEFAULT 'threat' NOT NULL,
	`response` text,
	`mitigation` text DEFAULT '' NOT NULL,
	`contingency` text DEFAULT '' NOT NULL,
	`trigger` text DEFAULT '' NOT NULL,
	`severity` text,
	`internal_only` integer DEFAULT false NOT NULL,
	`converted_to_id` text,
	`converted_from_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`owner_stakeholder_id`) REFERENCES `stakeholder`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`converted_to_id`) REFERENCES `raid_item`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`converted_from_id`) REFERENCES `raid_item`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "raid_item_probability_range" CHECK("raid_item"."probability" IS NULL OR "raid_item"."probability" BETWEEN 1 AND 5),
	CONSTRAINT "raid_item_impact_range" CHECK("raid_item"."impact" IS NULL OR "raid_item"."impact" BETWEEN 1 AND 5),
	CONSTRAINT "raid_item_residual_probability_range" CHECK("raid_item"."residual_probability" IS NULL OR "raid_item"."residual_probability" BETWEEN 1 AND 5),
	CONSTRAINT "raid_item_residual_impact_range" CHECK("raid_item"."residual_impact" IS NULL OR "raid_item"."residual_impact" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE INDEX `raid_item_project_idx` ON `raid_item` (`project_id`,`deleted_at`,`kind`);--> statement-breakpoint
CREATE UNIQUE INDEX `raid_item_number_unique` ON `raid_item` (`project_id`,`kind`,`number`);--> statement-breakpoint
CREATE INDEX `raid_item_owner_user_idx` ON `raid_item` (`owner_user_id`);--> statement-breakpoint
CREATE INDEX `raid_item_owner_stakeholder_idx` ON `raid_item` (`owner_stakeholder_id`);--> statement-breakpoint
CREATE TABLE `raid_milestone_link` (
	`raid_item_id` text NOT NULL,
	`milestone_id` text NOT NULL,
	PRIMARY KEY(`raid_item_id`, `milestone_id`),
	FOREIGN KEY (`raid_item_id`) REFERENCES `raid_item`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestone`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `raid_milestone_link_milestone_idx` ON `raid_milestone_link` (`milestone_id`);--> statement-breakpoint
CREATE TABLE `raid_score` (
	`id` text PRIMARY KEY NOT NULL,
	`raid_item_id` text NOT NULL,
	`at` text NOT NULL,
	`by_user_id` text,
	`probability` integer,
	`impact` integer,
	`residual_probability` integer,
	`residual_impact` integer,
	FOREIGN KEY (`raid_item_id`) REFERENCES `raid_item`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `raid_score_item_idx` ON `raid_score` (`raid_item_id`,`at`);--> statement-breakpoint
CREATE TABLE `raid_task_link` (
	`raid_item_id` text NOT NULL,
	`task_id` text NOT NULL,
	PRIMARY KEY(`raid_item_id`, `task_id`),
	FOREIGN KEY (`raid_item_id`) REFERENCES `raid_item`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`task_id`) REFERENCES `task`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `raid_task_link_task_idx` ON `raid_task_link` (`task_id`);--> statement-breakpoint
CREATE TABLE `stakeholder` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`name` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`side` text NOT NULL,
	`email` text,
	`power` integer NOT NULL,
	`interest` integer NOT NULL,
	`engagement_current` text NOT NULL,
	`engagement_desired` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`user_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "stakeholder_power_range" CHECK("stakeholder"."power" IS NULL OR "stakeholder"."power" BETWEEN 1 AND 5),
	CONSTRAINT "stakeholder_interest_range" CHECK("stakeholder"."interest" IS NULL OR "stakeholder"."interest" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE INDEX `stakeholder_project_idx` ON `stakeholder` (`project_id`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `stakeholder_user_idx` ON `stakeholder` (`user_id`);--> statement-breakpoint
ALTER TABLE `organization` ADD `risk_medium` integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE `organization` ADD `risk_high` integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE `organization` ADD `risk_critical` integer DEFAULT 20 NOT NULL;