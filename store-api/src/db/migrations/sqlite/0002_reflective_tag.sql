CREATE TABLE `customer_addresses` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`label` text,
	`name` text NOT NULL,
	`line1` text NOT NULL,
	`line2` text,
	`city` text NOT NULL,
	`postal_code` text NOT NULL,
	`country` text NOT NULL,
	`phone` text,
	`is_default` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customer_addresses_customer_ix` ON `customer_addresses` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `customer_preferences` (
	`customer_id` text PRIMARY KEY NOT NULL,
	`saved_size_eu_tenths` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `wishlist_items` (
	`customer_id` text NOT NULL,
	`product_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`customer_id`, `product_id`)
);
--> statement-breakpoint
CREATE TABLE `security_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`two_factor_required` text DEFAULT 'off' NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff_recovery_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`code_hash` text NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_recovery_codes_hash_uq` ON `staff_recovery_codes` (`code_hash`);--> statement-breakpoint
CREATE INDEX `staff_recovery_codes_staff_ix` ON `staff_recovery_codes` (`staff_id`);--> statement-breakpoint
CREATE TABLE `staff_sign_ins` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`at` integer NOT NULL,
	`ip` text NOT NULL,
	`user_agent` text NOT NULL,
	`step` text NOT NULL,
	`succeeded` integer NOT NULL,
	`reason` text
);
--> statement-breakpoint
CREATE INDEX `staff_sign_ins_staff_at_ix` ON `staff_sign_ins` (`staff_id`,`at`);--> statement-breakpoint
CREATE TABLE `staff_two_factor` (
	`staff_id` text PRIMARY KEY NOT NULL,
	`secret_sealed` text NOT NULL,
	`confirmed_at` integer,
	`last_step` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
