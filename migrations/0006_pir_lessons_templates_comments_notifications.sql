CREATE TABLE `comment` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`author_id` text,
	`body` text NOT NULL,
	`mentions` text NOT NULL,
	`edited_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `comment_target_idx` ON `comment` (`target_type`,`target_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `comment_project_idx` ON `comment` (`project_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `notification` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`project_id` text,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`actor_id` text,
	`dedupe_key` text,
	`read_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `notification_user_idx` ON `notification` (`user_id`,`organization_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `notification_dedupe_unique` ON `notification` (`user_id`,`dedupe_key`);--> statement-breakpoint
CREATE TABLE `notification_mute` (
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `kind`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `lesson` (
	`id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`organization_id` text NOT NULL,
	`project_id` text NOT NULL,
	`pir_id` text,
	`kind` text NOT NULL,
	`category` text NOT NULL,
	`summary` text NOT NULL,
	`recommendation` text DEFAULT '' NOT NULL,
	`tags` text NOT NULL,
	`created_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`pir_id`) REFERENCES `pir`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lesson_seq_unique` ON `lesson` (`seq`);--> statement-breakpoint
CREATE INDEX `lesson_org_idx` ON `lesson` (`organization_id`,`category`);--> statement-breakpoint
CREATE INDEX `lesson_project_idx` ON `lesson` (`project_id`);--> statement-breakpoint
CREATE INDEX `lesson_pir_idx` ON `lesson` (`pir_id`);--> statement-breakpoint
CREATE TABLE `pir` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`rating` text,
	`locked_at` text,
	`variance` text,
	`created_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pir_revision_unique` ON `pir` (`project_id`,`revision`);--> statement-breakpoint
CREATE TABLE `pir_kpi` (
	`id` text PRIMARY KEY NOT NULL,
	`pir_id` text NOT NULL,
	`sort_order` integer NOT NULL,
	`name` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`baseline` real,
	`target` real,
	`actual` real,
	`measured_on` text,
	`owner_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`pir_id`) REFERENCES `pir`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `pir_kpi_pir_idx` ON `pir_kpi` (`pir_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `pir_measurement` (
	`id` text PRIMARY KEY NOT NULL,
	`kpi_id` text NOT NULL,
	`months_after_go_live` integer NOT NULL,
	`due_on` text NOT NULL,
	`value` real,
	`measured_on` text,
	`note` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`kpi_id`) REFERENCES `pir_kpi`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pir_measurement_unique` ON `pir_measurement` (`kpi_id`,`months_after_go_live`);--> statement-breakpoint
CREATE INDEX `pir_measurement_due_idx` ON `pir_measurement` (`due_on`);--> statement-breakpoint
CREATE TABLE `pir_objective` (
	`id` text PRIMARY KEY NOT NULL,
	`pir_id` text NOT NULL,
	`sort_order` integer NOT NULL,
	`objective` text NOT NULL,
	`criterion` text DEFAULT '' NOT NULL,
	`outcome` text,
	`evidence` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`pir_id`) REFERENCES `pir`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pir_objective_pir_idx` ON `pir_objective` (`pir_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `pir_signer` (
	`pir_id` text NOT NULL,
	`user_id` text NOT NULL,
	`signed_at` text,
	`comment` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`pir_id`, `user_id`),
	FOREIGN KEY (`pir_id`) REFERENCES `pir`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `template` (
	`id` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`created_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `template_org_idx` ON `template` (`organization_id`,`deleted_at`);