CREATE TABLE `audit_log` (
	`id` varchar(36) NOT NULL,
	`actor_type` varchar(16) NOT NULL,
	`actor_id` varchar(36) NOT NULL,
	`action` varchar(64) NOT NULL,
	`entity` varchar(32) NOT NULL,
	`entity_id` varchar(64) NOT NULL,
	`before` json,
	`after` json,
	`request_id` varchar(64),
	`created_at` bigint NOT NULL,
	CONSTRAINT `audit_log_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` varchar(36) NOT NULL,
	`name` varchar(120) NOT NULL,
	`prefix` varchar(16) NOT NULL,
	`key_hash` varchar(64) NOT NULL,
	`permissions` json NOT NULL,
	`created_by` varchar(36) NOT NULL,
	`created_at` bigint NOT NULL,
	`last_used_at` bigint,
	`revoked_at` bigint,
	CONSTRAINT `api_keys_id` PRIMARY KEY(`id`),
	CONSTRAINT `api_keys_hash_uq` UNIQUE(`key_hash`)
);
--> statement-breakpoint
CREATE TABLE `customers` (
	`id` varchar(36) NOT NULL,
	`email` varchar(254) NOT NULL,
	`name` varchar(120) NOT NULL,
	`password_hash` varchar(255) NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `customers_id` PRIMARY KEY(`id`),
	CONSTRAINT `customers_email_uq` UNIQUE(`email`)
);
--> statement-breakpoint
CREATE TABLE `refresh_tokens` (
	`id` varchar(36) NOT NULL,
	`subject_type` varchar(16) NOT NULL,
	`subject_id` varchar(36) NOT NULL,
	`family_id` varchar(36) NOT NULL,
	`token_hash` varchar(64) NOT NULL,
	`expires_at` bigint NOT NULL,
	`used_at` bigint,
	`revoked_at` bigint,
	`created_at` bigint NOT NULL,
	CONSTRAINT `refresh_tokens_id` PRIMARY KEY(`id`),
	CONSTRAINT `refresh_tokens_hash_uq` UNIQUE(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `staff_users` (
	`id` varchar(36) NOT NULL,
	`email` varchar(254) NOT NULL,
	`name` varchar(120) NOT NULL,
	`role` varchar(16) NOT NULL,
	`password_hash` varchar(255) NOT NULL,
	`active` boolean NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `staff_users_id` PRIMARY KEY(`id`),
	CONSTRAINT `staff_users_email_uq` UNIQUE(`email`)
);
--> statement-breakpoint
CREATE TABLE `brands` (
	`id` varchar(36) NOT NULL,
	`name` varchar(120) NOT NULL,
	`slug` varchar(140) NOT NULL,
	`size_chart` json,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `brands_id` PRIMARY KEY(`id`),
	CONSTRAINT `brands_slug_uq` UNIQUE(`slug`)
);
--> statement-breakpoint
CREATE TABLE `categories` (
	`id` varchar(36) NOT NULL,
	`name` varchar(120) NOT NULL,
	`slug` varchar(140) NOT NULL,
	`position` int NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `categories_id` PRIMARY KEY(`id`),
	CONSTRAINT `categories_slug_uq` UNIQUE(`slug`)
);
--> statement-breakpoint
CREATE TABLE `colours` (
	`id` varchar(36) NOT NULL,
	`name` varchar(60) NOT NULL,
	`code` varchar(16) NOT NULL,
	`family` varchar(16) NOT NULL,
	`swatch_hex` varchar(7) NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `colours_id` PRIMARY KEY(`id`),
	CONSTRAINT `colours_code_uq` UNIQUE(`code`)
);
--> statement-breakpoint
CREATE TABLE `product_image_files` (
	`image_id` varchar(36) NOT NULL,
	`width` int NOT NULL,
	`bytes` mediumblob NOT NULL,
	CONSTRAINT `product_image_files_image_id_width_pk` PRIMARY KEY(`image_id`,`width`)
);
--> statement-breakpoint
CREATE TABLE `product_images` (
	`id` varchar(36) NOT NULL,
	`product_id` varchar(36) NOT NULL,
	`position` int NOT NULL,
	`alt` varchar(200) NOT NULL,
	`width` int NOT NULL,
	`height` int NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `product_images_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `products` (
	`id` varchar(36) NOT NULL,
	`style_code` varchar(24) NOT NULL,
	`slug` varchar(160) NOT NULL,
	`name` varchar(160) NOT NULL,
	`description` text NOT NULL,
	`brand_id` varchar(36) NOT NULL,
	`category_id` varchar(36) NOT NULL,
	`material` varchar(80) NOT NULL,
	`heel_height_mm` int NOT NULL,
	`base_price_minor` int NOT NULL,
	`currency` varchar(3) NOT NULL,
	`status` varchar(16) NOT NULL,
	`tags` json NOT NULL,
	`popularity` int NOT NULL,
	`version` int NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `products_id` PRIMARY KEY(`id`),
	CONSTRAINT `products_style_code_uq` UNIQUE(`style_code`),
	CONSTRAINT `products_slug_uq` UNIQUE(`slug`)
);
--> statement-breakpoint
CREATE TABLE `variants` (
	`id` varchar(36) NOT NULL,
	`product_id` varchar(36) NOT NULL,
	`colour_id` varchar(36) NOT NULL,
	`size_eu_tenths` int NOT NULL,
	`width` varchar(16) NOT NULL,
	`sku` varchar(64) NOT NULL,
	`gtin` varchar(14),
	`price_minor` int,
	`compare_at_minor` int,
	`weight_grams` int NOT NULL,
	`low_stock_threshold` int NOT NULL,
	`active` boolean NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `variants_id` PRIMARY KEY(`id`),
	CONSTRAINT `variants_sku_uq` UNIQUE(`sku`),
	CONSTRAINT `variants_gtin_uq` UNIQUE(`gtin`),
	CONSTRAINT `variants_matrix_uq` UNIQUE(`product_id`,`colour_id`,`size_eu_tenths`,`width`)
);
--> statement-breakpoint
CREATE TABLE `bins` (
	`id` varchar(36) NOT NULL,
	`location_id` varchar(36) NOT NULL,
	`code` varchar(16) NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `bins_id` PRIMARY KEY(`id`),
	CONSTRAINT `bins_location_code_uq` UNIQUE(`location_id`,`code`)
);
--> statement-breakpoint
CREATE TABLE `stock_levels` (
	`variant_id` varchar(36) NOT NULL,
	`location_id` varchar(36) NOT NULL,
	`on_hand` int NOT NULL,
	`reserved` int NOT NULL,
	`bin_id` varchar(36),
	`updated_at` bigint NOT NULL,
	CONSTRAINT `stock_levels_variant_id_location_id_pk` PRIMARY KEY(`variant_id`,`location_id`)
);
--> statement-breakpoint
CREATE TABLE `stock_locations` (
	`id` varchar(36) NOT NULL,
	`code` varchar(16) NOT NULL,
	`name` varchar(120) NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `stock_locations_id` PRIMARY KEY(`id`),
	CONSTRAINT `stock_locations_code_uq` UNIQUE(`code`)
);
--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` varchar(36) NOT NULL,
	`variant_id` varchar(36) NOT NULL,
	`location_id` varchar(36) NOT NULL,
	`kind` varchar(16) NOT NULL,
	`quantity` int NOT NULL,
	`on_hand_delta` int NOT NULL,
	`reserved_delta` int NOT NULL,
	`reason` varchar(200),
	`reference` varchar(64),
	`actor_type` varchar(16) NOT NULL,
	`actor_id` varchar(36),
	`created_at` bigint NOT NULL,
	CONSTRAINT `stock_movements_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `change_log` (
	`seq` bigint unsigned AUTO_INCREMENT NOT NULL,
	`entity` varchar(16) NOT NULL,
	`entity_id` varchar(36) NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `change_log_seq` PRIMARY KEY(`seq`)
);
--> statement-breakpoint
CREATE TABLE `job_leases` (
	`job_id` varchar(96) NOT NULL,
	`holder` varchar(128) NOT NULL,
	`lease_until` bigint NOT NULL,
	`last_tick_at` bigint NOT NULL,
	`last_run_at` bigint,
	`last_run_ms` int,
	`last_error` text,
	CONSTRAINT `job_leases_job_id` PRIMARY KEY(`job_id`)
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` varchar(36) NOT NULL,
	`topic` varchar(64) NOT NULL,
	`payload` json NOT NULL,
	`status` varchar(16) NOT NULL,
	`attempts` int NOT NULL,
	`next_attempt_at` bigint NOT NULL,
	`claimed_by` varchar(36),
	`claimed_until` bigint,
	`last_error` text,
	`created_at` bigint NOT NULL,
	`sent_at` bigint,
	CONSTRAINT `outbox_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `sent_mail` (
	`id` varchar(36) NOT NULL,
	`outbox_id` varchar(36) NOT NULL,
	`topic` varchar(64) NOT NULL,
	`to_address` varchar(254) NOT NULL,
	`subject` varchar(255) NOT NULL,
	`transport` varchar(8) NOT NULL,
	`file_path` varchar(1024),
	`message_id` varchar(128) NOT NULL,
	`text` mediumtext NOT NULL,
	`html` mediumtext NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `sent_mail_id` PRIMARY KEY(`id`),
	CONSTRAINT `sent_mail_outbox_uq` UNIQUE(`outbox_id`)
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_ix` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_created_ix` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE INDEX `refresh_tokens_family_ix` ON `refresh_tokens` (`family_id`);--> statement-breakpoint
CREATE INDEX `product_images_product_ix` ON `product_images` (`product_id`);--> statement-breakpoint
CREATE INDEX `products_status_category_ix` ON `products` (`status`,`category_id`);--> statement-breakpoint
CREATE INDEX `stock_levels_location_ix` ON `stock_levels` (`location_id`);--> statement-breakpoint
CREATE INDEX `stock_movements_variant_ix` ON `stock_movements` (`variant_id`,`location_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `stock_movements_created_ix` ON `stock_movements` (`created_at`);--> statement-breakpoint
CREATE INDEX `change_log_created_ix` ON `change_log` (`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_due_ix` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `sent_mail_created_ix` ON `sent_mail` (`created_at`);