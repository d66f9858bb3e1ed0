ALTER TABLE `organization` ADD `health_thresholds` text;--> statement-breakpoint
ALTER TABLE `project` ADD `health_override_expires_on` text;