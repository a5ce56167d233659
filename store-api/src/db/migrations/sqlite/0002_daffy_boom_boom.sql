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
--> statement-breakpoint
CREATE TABLE `order_packs` (
	`order_id` text PRIMARY KEY NOT NULL,
	`box_code` text NOT NULL,
	`weight_grams` integer NOT NULL,
	`scans` text NOT NULL,
	`packed_by` text,
	`packed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `pick_batch_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`batch_id` text NOT NULL,
	`order_id` text NOT NULL,
	`order_line_id` text NOT NULL,
	`variant_id` text NOT NULL,
	`location_id` text NOT NULL,
	`sku` text NOT NULL,
	`bin_code` text,
	`quantity` integer NOT NULL,
	`picked_quantity` integer NOT NULL,
	`short_quantity` integer NOT NULL,
	`status` text NOT NULL,
	`short_reason` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `pick_batch_lines_batch_ix` ON `pick_batch_lines` (`batch_id`);--> statement-breakpoint
CREATE INDEX `pick_batch_lines_order_ix` ON `pick_batch_lines` (`order_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `pick_batch_lines_order_line_uq` ON `pick_batch_lines` (`order_line_id`);--> statement-breakpoint
CREATE TABLE `pick_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`status` text NOT NULL,
	`created_by` text,
	`version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pick_batches_number_uq` ON `pick_batches` (`number`);--> statement-breakpoint
CREATE INDEX `pick_batches_status_ix` ON `pick_batches` (`status`);--> statement-breakpoint
CREATE TABLE `shipment_events` (
	`id` text PRIMARY KEY NOT NULL,
	`shipment_id` text NOT NULL,
	`status` text NOT NULL,
	`message` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`actor_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `shipment_events_shipment_ix` ON `shipment_events` (`shipment_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `shipments` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`carrier` text NOT NULL,
	`service` text NOT NULL,
	`tracking_number` text NOT NULL,
	`carrier_shipment_id` text,
	`cost_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`weight_grams` integer NOT NULL,
	`box_code` text,
	`status` text NOT NULL,
	`tracking_status` text NOT NULL,
	`label` text NOT NULL,
	`label_url` text,
	`created_by` text,
	`version` integer NOT NULL,
	`voided_at` integer,
	`delivered_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_tracking_uq` ON `shipments` (`carrier`,`tracking_number`);--> statement-breakpoint
CREATE INDEX `shipments_order_ix` ON `shipments` (`order_id`);--> statement-breakpoint
CREATE TABLE `tracking_blocks` (
	`id` text PRIMARY KEY NOT NULL,
	`carrier` text NOT NULL,
	`holder` text NOT NULL,
	`first_serial` integer NOT NULL,
	`last_serial` integer NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tracking_blocks_first_uq` ON `tracking_blocks` (`carrier`,`first_serial`);--> statement-breakpoint
CREATE INDEX `tracking_blocks_holder_ix` ON `tracking_blocks` (`holder`);--> statement-breakpoint
CREATE TABLE `tracking_counters` (
	`carrier` text PRIMARY KEY NOT NULL,
	`next_serial` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `return_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`return_id` text NOT NULL,
	`order_line_id` text NOT NULL,
	`variant_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`reason` text NOT NULL,
	`exchange_variant_id` text,
	`exchange_location_id` text,
	`inspection` text,
	`refund_minor` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `return_lines_return_ix` ON `return_lines` (`return_id`);--> statement-breakpoint
CREATE INDEX `return_lines_order_line_ix` ON `return_lines` (`order_line_id`);--> statement-breakpoint
CREATE TABLE `returns` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`customer_id` text,
	`status` text NOT NULL,
	`refund_id` text,
	`opened_by_type` text NOT NULL,
	`opened_by_id` text,
	`received_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `returns_order_ix` ON `returns` (`order_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `returns_refund_uq` ON `returns` (`refund_id`);--> statement-breakpoint
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
