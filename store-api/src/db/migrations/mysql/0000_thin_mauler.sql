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
CREATE TABLE `cart_lines` (
	`cart_id` varchar(36) NOT NULL,
	`variant_id` varchar(36) NOT NULL,
	`quantity` int NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `cart_lines_cart_id_variant_id_pk` PRIMARY KEY(`cart_id`,`variant_id`)
);
--> statement-breakpoint
CREATE TABLE `carts` (
	`id` varchar(36) NOT NULL,
	`token_hash` varchar(64) NOT NULL,
	`customer_id` varchar(36),
	`email` varchar(254),
	`currency` varchar(3) NOT NULL,
	`coupon_code` varchar(40),
	`shipping_address` json,
	`shipping_method_id` varchar(40),
	`status` varchar(16) NOT NULL,
	`version` int NOT NULL,
	`reminder_sent_at` bigint,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `carts_id` PRIMARY KEY(`id`),
	CONSTRAINT `carts_token_uq` UNIQUE(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `coupon_redemptions` (
	`id` varchar(36) NOT NULL,
	`coupon_id` varchar(36) NOT NULL,
	`order_id` varchar(36) NOT NULL,
	`customer_id` varchar(36),
	`email` varchar(254) NOT NULL,
	`released_at` bigint,
	`created_at` bigint NOT NULL,
	CONSTRAINT `coupon_redemptions_id` PRIMARY KEY(`id`),
	CONSTRAINT `coupon_redemptions_order_uq` UNIQUE(`order_id`)
);
--> statement-breakpoint
CREATE TABLE `coupons` (
	`id` varchar(36) NOT NULL,
	`code` varchar(40) NOT NULL,
	`kind` varchar(16) NOT NULL,
	`percent_basis_points` int,
	`amount_minor` int,
	`currency` varchar(3),
	`minimum_spend_minor` int,
	`starts_at` bigint,
	`ends_at` bigint,
	`usage_limit_total` int,
	`usage_limit_per_customer` int,
	`free_shipping` boolean NOT NULL,
	`active` boolean NOT NULL,
	`times_used` int NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `coupons_id` PRIMARY KEY(`id`),
	CONSTRAINT `coupons_code_uq` UNIQUE(`code`)
);
--> statement-breakpoint
CREATE TABLE `domain_events` (
	`id` varchar(36) NOT NULL,
	`type` varchar(40) NOT NULL,
	`aggregate_id` varchar(36) NOT NULL,
	`data` json NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `domain_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `order_events` (
	`id` varchar(36) NOT NULL,
	`order_id` varchar(36) NOT NULL,
	`type` varchar(40) NOT NULL,
	`message` text NOT NULL,
	`data` json,
	`actor_type` varchar(16) NOT NULL,
	`actor_id` varchar(36),
	`created_at` bigint NOT NULL,
	CONSTRAINT `order_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `order_lines` (
	`id` varchar(36) NOT NULL,
	`order_id` varchar(36) NOT NULL,
	`variant_id` varchar(36) NOT NULL,
	`location_id` varchar(36) NOT NULL,
	`sku` varchar(64) NOT NULL,
	`product_name` varchar(160) NOT NULL,
	`colour_name` varchar(60) NOT NULL,
	`size_eu_tenths` int NOT NULL,
	`width` varchar(16) NOT NULL,
	`quantity` int NOT NULL,
	`unit_price_minor` int NOT NULL,
	`discount_minor` int NOT NULL,
	`line_total_minor` int NOT NULL,
	`tax_minor` int NOT NULL,
	CONSTRAINT `order_lines_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `orders` (
	`id` varchar(36) NOT NULL,
	`number` varchar(16) NOT NULL,
	`checkout_key` varchar(64) NOT NULL,
	`cart_id` varchar(36),
	`customer_id` varchar(36),
	`email` varchar(254) NOT NULL,
	`status` varchar(20) NOT NULL,
	`currency` varchar(3) NOT NULL,
	`subtotal_minor` int NOT NULL,
	`discount_minor` int NOT NULL,
	`shipping_minor` int NOT NULL,
	`tax_minor` int NOT NULL,
	`total_minor` int NOT NULL,
	`refunded_minor` int NOT NULL,
	`refund_pending_minor` int NOT NULL DEFAULT 0,
	`coupon_code` varchar(40),
	`shipping_method_id` varchar(40) NOT NULL,
	`shipping_address` json NOT NULL,
	`payment_provider` varchar(16) NOT NULL,
	`payment_intent_id` varchar(80),
	`reservation_expires_at` bigint,
	`stock_state` varchar(16) NOT NULL,
	`flagged` boolean NOT NULL,
	`flag_reason` varchar(200),
	`paid_at` bigint,
	`cancelled_at` bigint,
	`version` int NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `orders_id` PRIMARY KEY(`id`),
	CONSTRAINT `orders_number_uq` UNIQUE(`number`),
	CONSTRAINT `orders_checkout_key_uq` UNIQUE(`checkout_key`),
	CONSTRAINT `orders_payment_intent_uq` UNIQUE(`payment_intent_id`)
);
--> statement-breakpoint
CREATE TABLE `payment_events` (
	`event_id` varchar(80) NOT NULL,
	`provider` varchar(16) NOT NULL,
	`type` varchar(40) NOT NULL,
	`order_id` varchar(36),
	`outcome` varchar(40) NOT NULL,
	`received_at` bigint NOT NULL,
	CONSTRAINT `payment_events_event_id` PRIMARY KEY(`event_id`)
);
--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` varchar(36) NOT NULL,
	`order_id` varchar(36) NOT NULL,
	`amount_minor` int NOT NULL,
	`reason` varchar(200) NOT NULL,
	`status` varchar(16) NOT NULL,
	`provider_refund_id` varchar(80),
	`created_by` varchar(36),
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `refunds_id` PRIMARY KEY(`id`)
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
CREATE INDEX `sent_mail_created_ix` ON `sent_mail` (`created_at`);--> statement-breakpoint
CREATE INDEX `carts_customer_ix` ON `carts` (`customer_id`,`status`);--> statement-breakpoint
CREATE INDEX `carts_status_updated_ix` ON `carts` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `coupon_redemptions_coupon_customer_ix` ON `coupon_redemptions` (`coupon_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `domain_events_type_created_ix` ON `domain_events` (`type`,`created_at`);--> statement-breakpoint
CREATE INDEX `order_events_order_ix` ON `order_events` (`order_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `order_lines_order_ix` ON `order_lines` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_lines_sku_ix` ON `order_lines` (`sku`);--> statement-breakpoint
CREATE INDEX `orders_status_created_ix` ON `orders` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_customer_ix` ON `orders` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_email_ix` ON `orders` (`email`);--> statement-breakpoint
CREATE INDEX `orders_reservation_ix` ON `orders` (`stock_state`,`reservation_expires_at`);--> statement-breakpoint
CREATE INDEX `refunds_order_ix` ON `refunds` (`order_id`);