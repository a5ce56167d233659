CREATE TABLE `devices` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`mode` text NOT NULL,
	`app_version` text NOT NULL,
	`staff_id` text NOT NULL,
	`credential_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `devices_credential_uq` ON `devices` (`credential_hash`);--> statement-breakpoint
CREATE TABLE `sync_results` (
	`device_id` text NOT NULL,
	`mutation_id` text NOT NULL,
	`status` text NOT NULL,
	`result` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`device_id`, `mutation_id`)
);
--> statement-breakpoint
CREATE INDEX `sync_results_created_ix` ON `sync_results` (`created_at`);--> statement-breakpoint
CREATE TABLE `sync_server` (
	`id` text PRIMARY KEY NOT NULL,
	`server_id` text NOT NULL,
	`created_at` integer NOT NULL
);
