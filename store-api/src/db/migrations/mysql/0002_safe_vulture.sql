CREATE TABLE `security_settings` (
	`id` varchar(16) NOT NULL,
	`two_factor_required` varchar(16) NOT NULL DEFAULT 'off',
	`updated_at` bigint NOT NULL,
	CONSTRAINT `security_settings_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `staff_recovery_codes` (
	`id` varchar(36) NOT NULL,
	`staff_id` varchar(36) NOT NULL,
	`code_hash` varchar(64) NOT NULL,
	`used_at` bigint,
	`created_at` bigint NOT NULL,
	CONSTRAINT `staff_recovery_codes_id` PRIMARY KEY(`id`),
	CONSTRAINT `staff_recovery_codes_hash_uq` UNIQUE(`code_hash`)
);
--> statement-breakpoint
CREATE TABLE `staff_sign_ins` (
	`id` varchar(36) NOT NULL,
	`staff_id` varchar(36) NOT NULL,
	`at` bigint NOT NULL,
	`ip` varchar(64) NOT NULL,
	`user_agent` varchar(255) NOT NULL,
	`step` varchar(16) NOT NULL,
	`succeeded` boolean NOT NULL,
	`reason` varchar(32),
	CONSTRAINT `staff_sign_ins_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `staff_two_factor` (
	`staff_id` varchar(36) NOT NULL,
	`secret_sealed` varchar(255) NOT NULL,
	`confirmed_at` bigint,
	`last_step` bigint,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `staff_two_factor_staff_id` PRIMARY KEY(`staff_id`)
);
--> statement-breakpoint
CREATE INDEX `staff_recovery_codes_staff_ix` ON `staff_recovery_codes` (`staff_id`);--> statement-breakpoint
CREATE INDEX `staff_sign_ins_staff_at_ix` ON `staff_sign_ins` (`staff_id`,`at`);