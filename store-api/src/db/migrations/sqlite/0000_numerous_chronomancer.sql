CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`request_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_ix` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_created_ix` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`key_hash` text NOT NULL,
	`permissions` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash_uq` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_email_uq` ON `customers` (`email`);--> statement-breakpoint
CREATE TABLE `refresh_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`family_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`revoked_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `refresh_tokens_hash_uq` ON `refresh_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `refresh_tokens_family_ix` ON `refresh_tokens` (`family_id`);--> statement-breakpoint
CREATE TABLE `staff_users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_users_email_uq` ON `staff_users` (`email`);--> statement-breakpoint
CREATE TABLE `brands` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`size_chart` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `brands_slug_uq` ON `brands` (`slug`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_slug_uq` ON `categories` (`slug`);--> statement-breakpoint
CREATE TABLE `colours` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`family` text NOT NULL,
	`swatch_hex` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `colours_code_uq` ON `colours` (`code`);--> statement-breakpoint
CREATE TABLE `product_image_files` (
	`image_id` text NOT NULL,
	`width` integer NOT NULL,
	`bytes` blob NOT NULL,
	PRIMARY KEY(`image_id`, `width`)
);
--> statement-breakpoint
CREATE TABLE `product_images` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	`position` integer NOT NULL,
	`alt` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `product_images_product_ix` ON `product_images` (`product_id`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`style_code` text NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`brand_id` text NOT NULL,
	`category_id` text NOT NULL,
	`material` text NOT NULL,
	`heel_height_mm` integer NOT NULL,
	`base_price_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`tags` text NOT NULL,
	`popularity` integer NOT NULL,
	`version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_style_code_uq` ON `products` (`style_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `products_slug_uq` ON `products` (`slug`);--> statement-breakpoint
CREATE INDEX `products_status_category_ix` ON `products` (`status`,`category_id`);--> statement-breakpoint
CREATE TABLE `variants` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	`colour_id` text NOT NULL,
	`size_eu_tenths` integer NOT NULL,
	`width` text NOT NULL,
	`sku` text NOT NULL,
	`gtin` text,
	`price_minor` integer,
	`compare_at_minor` integer,
	`weight_grams` integer NOT NULL,
	`low_stock_threshold` integer NOT NULL,
	`active` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `variants_sku_uq` ON `variants` (`sku`);--> statement-breakpoint
CREATE UNIQUE INDEX `variants_gtin_uq` ON `variants` (`gtin`);--> statement-breakpoint
CREATE UNIQUE INDEX `variants_matrix_uq` ON `variants` (`product_id`,`colour_id`,`size_eu_tenths`,`width`);--> statement-breakpoint
CREATE TABLE `bins` (
	`id` text PRIMARY KEY NOT NULL,
	`location_id` text NOT NULL,
	`code` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bins_location_code_uq` ON `bins` (`location_id`,`code`);--> statement-breakpoint
CREATE TABLE `stock_levels` (
	`variant_id` text NOT NULL,
	`location_id` text NOT NULL,
	`on_hand` integer NOT NULL,
	`reserved` integer NOT NULL,
	`bin_id` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`variant_id`, `location_id`)
);
--> statement-breakpoint
CREATE INDEX `stock_levels_location_ix` ON `stock_levels` (`location_id`);--> statement-breakpoint
CREATE TABLE `stock_locations` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_locations_code_uq` ON `stock_locations` (`code`);--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`variant_id` text NOT NULL,
	`location_id` text NOT NULL,
	`kind` text NOT NULL,
	`quantity` integer NOT NULL,
	`on_hand_delta` integer NOT NULL,
	`reserved_delta` integer NOT NULL,
	`reason` text,
	`reference` text,
	`actor_type` text NOT NULL,
	`actor_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `stock_movements_variant_ix` ON `stock_movements` (`variant_id`,`location_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `stock_movements_created_ix` ON `stock_movements` (`created_at`);--> statement-breakpoint
CREATE TABLE `change_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `change_log_created_ix` ON `change_log` (`created_at`);--> statement-breakpoint
CREATE TABLE `job_leases` (
	`job_id` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`lease_until` integer NOT NULL,
	`last_tick_at` integer NOT NULL,
	`last_run_at` integer,
	`last_run_ms` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`topic` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`claimed_by` text,
	`claimed_until` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `outbox_due_ix` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `sent_mail` (
	`id` text PRIMARY KEY NOT NULL,
	`outbox_id` text NOT NULL,
	`topic` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`transport` text NOT NULL,
	`file_path` text,
	`message_id` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sent_mail_outbox_uq` ON `sent_mail` (`outbox_id`);--> statement-breakpoint
CREATE INDEX `sent_mail_created_ix` ON `sent_mail` (`created_at`);--> statement-breakpoint
CREATE TABLE `cart_lines` (
	`cart_id` text NOT NULL,
	`variant_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`cart_id`, `variant_id`)
);
--> statement-breakpoint
CREATE TABLE `carts` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`customer_id` text,
	`email` text,
	`currency` text NOT NULL,
	`coupon_code` text,
	`shipping_address` text,
	`shipping_method_id` text,
	`status` text NOT NULL,
	`version` integer NOT NULL,
	`reminder_sent_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `carts_token_uq` ON `carts` (`token_hash`);--> statement-breakpoint
CREATE INDEX `carts_customer_ix` ON `carts` (`customer_id`,`status`);--> statement-breakpoint
CREATE INDEX `carts_status_updated_ix` ON `carts` (`status`,`updated_at`);--> statement-breakpoint
CREATE TABLE `coupon_redemptions` (
	`id` text PRIMARY KEY NOT NULL,
	`coupon_id` text NOT NULL,
	`order_id` text NOT NULL,
	`customer_id` text,
	`email` text NOT NULL,
	`released_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `coupon_redemptions_order_uq` ON `coupon_redemptions` (`order_id`);--> statement-breakpoint
CREATE INDEX `coupon_redemptions_coupon_customer_ix` ON `coupon_redemptions` (`coupon_id`,`customer_id`);--> statement-breakpoint
CREATE TABLE `coupons` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`percent_basis_points` integer,
	`amount_minor` integer,
	`currency` text,
	`minimum_spend_minor` integer,
	`starts_at` integer,
	`ends_at` integer,
	`usage_limit_total` integer,
	`usage_limit_per_customer` integer,
	`free_shipping` integer NOT NULL,
	`active` integer NOT NULL,
	`times_used` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `coupons_code_uq` ON `coupons` (`code`);--> statement-breakpoint
CREATE TABLE `domain_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`aggregate_id` text NOT NULL,
	`data` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `domain_events_type_created_ix` ON `domain_events` (`type`,`created_at`);--> statement-breakpoint
CREATE TABLE `order_events` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`type` text NOT NULL,
	`message` text NOT NULL,
	`data` text,
	`actor_type` text NOT NULL,
	`actor_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `order_events_order_ix` ON `order_events` (`order_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `order_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`variant_id` text NOT NULL,
	`location_id` text NOT NULL,
	`sku` text NOT NULL,
	`product_name` text NOT NULL,
	`colour_name` text NOT NULL,
	`size_eu_tenths` integer NOT NULL,
	`width` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`discount_minor` integer NOT NULL,
	`line_total_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `order_lines_order_ix` ON `order_lines` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_lines_sku_ix` ON `order_lines` (`sku`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`checkout_key` text NOT NULL,
	`cart_id` text,
	`customer_id` text,
	`email` text NOT NULL,
	`status` text NOT NULL,
	`currency` text NOT NULL,
	`subtotal_minor` integer NOT NULL,
	`discount_minor` integer NOT NULL,
	`shipping_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`refunded_minor` integer NOT NULL,
	`refund_pending_minor` integer DEFAULT 0 NOT NULL,
	`coupon_code` text,
	`shipping_method_id` text NOT NULL,
	`shipping_address` text NOT NULL,
	`payment_provider` text NOT NULL,
	`payment_intent_id` text,
	`reservation_expires_at` integer,
	`stock_state` text NOT NULL,
	`flagged` integer NOT NULL,
	`flag_reason` text,
	`paid_at` integer,
	`cancelled_at` integer,
	`version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_number_uq` ON `orders` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_checkout_key_uq` ON `orders` (`checkout_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_payment_intent_uq` ON `orders` (`payment_intent_id`);--> statement-breakpoint
CREATE INDEX `orders_status_created_ix` ON `orders` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_customer_ix` ON `orders` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_email_ix` ON `orders` (`email`);--> statement-breakpoint
CREATE INDEX `orders_reservation_ix` ON `orders` (`stock_state`,`reservation_expires_at`);--> statement-breakpoint
CREATE TABLE `payment_events` (
	`event_id` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`type` text NOT NULL,
	`order_id` text,
	`outcome` text NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`provider_refund_id` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `refunds_order_ix` ON `refunds` (`order_id`);