CREATE TABLE `devices` (
	`id` varchar(36) NOT NULL,
	`name` varchar(120) NOT NULL,
	`mode` varchar(16) NOT NULL,
	`app_version` varchar(40) NOT NULL,
	`staff_id` varchar(36) NOT NULL,
	`credential_hash` varchar(64) NOT NULL,
	`created_at` bigint NOT NULL,
	`last_seen_at` bigint,
	`revoked_at` bigint,
	CONSTRAINT `devices_id` PRIMARY KEY(`id`),
	CONSTRAINT `devices_credential_uq` UNIQUE(`credential_hash`)
);
--> statement-breakpoint
CREATE TABLE `sync_results` (
	`device_id` varchar(80) NOT NULL,
	`mutation_id` varchar(36) NOT NULL,
	`status` varchar(16) NOT NULL,
	`result` json NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `sync_results_device_id_mutation_id_pk` PRIMARY KEY(`device_id`,`mutation_id`)
);
--> statement-breakpoint
CREATE TABLE `sync_server` (
	`id` varchar(16) NOT NULL,
	`server_id` varchar(36) NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `sync_server_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `sync_results_created_ix` ON `sync_results` (`created_at`);