CREATE TABLE `customer_addresses` (
	`id` varchar(36) NOT NULL,
	`customer_id` varchar(36) NOT NULL,
	`label` varchar(40),
	`name` varchar(120) NOT NULL,
	`line1` varchar(200) NOT NULL,
	`line2` varchar(200),
	`city` varchar(120) NOT NULL,
	`postal_code` varchar(20) NOT NULL,
	`country` varchar(2) NOT NULL,
	`phone` varchar(40),
	`is_default` boolean NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `customer_addresses_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `customer_preferences` (
	`customer_id` varchar(36) NOT NULL,
	`saved_size_eu_tenths` int,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `customer_preferences_customer_id` PRIMARY KEY(`customer_id`)
);
--> statement-breakpoint
CREATE TABLE `wishlist_items` (
	`customer_id` varchar(36) NOT NULL,
	`product_id` varchar(36) NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `wishlist_items_customer_id_product_id_pk` PRIMARY KEY(`customer_id`,`product_id`)
);
--> statement-breakpoint
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
CREATE INDEX `customer_addresses_customer_ix` ON `customer_addresses` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `staff_recovery_codes_staff_ix` ON `staff_recovery_codes` (`staff_id`);--> statement-breakpoint
CREATE INDEX `staff_sign_ins_staff_at_ix` ON `staff_sign_ins` (`staff_id`,`at`);