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
CREATE TABLE `order_packs` (
	`order_id` varchar(36) NOT NULL,
	`box_code` varchar(16) NOT NULL,
	`weight_grams` int NOT NULL,
	`scans` json NOT NULL,
	`packed_by` varchar(36),
	`packed_at` bigint NOT NULL,
	CONSTRAINT `order_packs_order_id` PRIMARY KEY(`order_id`)
);
--> statement-breakpoint
CREATE TABLE `pick_batch_lines` (
	`id` varchar(36) NOT NULL,
	`batch_id` varchar(36) NOT NULL,
	`order_id` varchar(36) NOT NULL,
	`order_line_id` varchar(36) NOT NULL,
	`variant_id` varchar(36) NOT NULL,
	`location_id` varchar(36) NOT NULL,
	`sku` varchar(64) NOT NULL,
	`bin_code` varchar(16),
	`quantity` int NOT NULL,
	`picked_quantity` int NOT NULL,
	`short_quantity` int NOT NULL,
	`status` varchar(16) NOT NULL,
	`short_reason` varchar(200),
	`updated_at` bigint NOT NULL,
	CONSTRAINT `pick_batch_lines_id` PRIMARY KEY(`id`),
	CONSTRAINT `pick_batch_lines_order_line_uq` UNIQUE(`order_line_id`)
);
--> statement-breakpoint
CREATE TABLE `pick_batches` (
	`id` varchar(36) NOT NULL,
	`number` varchar(16) NOT NULL,
	`status` varchar(16) NOT NULL,
	`created_by` varchar(36),
	`version` int NOT NULL,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `pick_batches_id` PRIMARY KEY(`id`),
	CONSTRAINT `pick_batches_number_uq` UNIQUE(`number`)
);
--> statement-breakpoint
CREATE TABLE `shipment_events` (
	`id` varchar(36) NOT NULL,
	`shipment_id` varchar(36) NOT NULL,
	`status` varchar(24) NOT NULL,
	`message` varchar(200) NOT NULL,
	`occurred_at` bigint NOT NULL,
	`actor_id` varchar(36),
	`created_at` bigint NOT NULL,
	CONSTRAINT `shipment_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `shipments` (
	`id` varchar(36) NOT NULL,
	`order_id` varchar(36) NOT NULL,
	`carrier` varchar(24) NOT NULL,
	`service` varchar(40) NOT NULL,
	`tracking_number` varchar(64) NOT NULL,
	`carrier_shipment_id` varchar(80),
	`cost_minor` int NOT NULL,
	`currency` varchar(3) NOT NULL,
	`weight_grams` int NOT NULL,
	`box_code` varchar(16),
	`status` varchar(16) NOT NULL,
	`tracking_status` varchar(24) NOT NULL,
	`label` json NOT NULL,
	`label_url` varchar(500),
	`created_by` varchar(36),
	`version` int NOT NULL,
	`voided_at` bigint,
	`delivered_at` bigint,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `shipments_id` PRIMARY KEY(`id`),
	CONSTRAINT `shipments_tracking_uq` UNIQUE(`carrier`,`tracking_number`)
);
--> statement-breakpoint
CREATE TABLE `tracking_blocks` (
	`id` varchar(36) NOT NULL,
	`carrier` varchar(24) NOT NULL,
	`holder` varchar(64) NOT NULL,
	`first_serial` int NOT NULL,
	`last_serial` int NOT NULL,
	`created_by` varchar(36),
	`created_at` bigint NOT NULL,
	CONSTRAINT `tracking_blocks_id` PRIMARY KEY(`id`),
	CONSTRAINT `tracking_blocks_first_uq` UNIQUE(`carrier`,`first_serial`)
);
--> statement-breakpoint
CREATE TABLE `tracking_counters` (
	`carrier` varchar(24) NOT NULL,
	`next_serial` int NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `tracking_counters_carrier` PRIMARY KEY(`carrier`)
);
--> statement-breakpoint
CREATE TABLE `return_lines` (
	`id` varchar(36) NOT NULL,
	`return_id` varchar(36) NOT NULL,
	`order_line_id` varchar(36) NOT NULL,
	`variant_id` varchar(36) NOT NULL,
	`quantity` int NOT NULL,
	`reason` varchar(24) NOT NULL,
	`exchange_variant_id` varchar(36),
	`exchange_location_id` varchar(36),
	`inspection` varchar(16),
	`refund_minor` int NOT NULL,
	CONSTRAINT `return_lines_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `returns` (
	`id` varchar(36) NOT NULL,
	`order_id` varchar(36) NOT NULL,
	`customer_id` varchar(36),
	`status` varchar(16) NOT NULL,
	`refund_id` varchar(36),
	`opened_by_type` varchar(16) NOT NULL,
	`opened_by_id` varchar(36),
	`received_at` bigint,
	`created_at` bigint NOT NULL,
	`updated_at` bigint NOT NULL,
	CONSTRAINT `returns_id` PRIMARY KEY(`id`),
	CONSTRAINT `returns_refund_uq` UNIQUE(`refund_id`)
);
--> statement-breakpoint
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
CREATE INDEX `customer_addresses_customer_ix` ON `customer_addresses` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `staff_recovery_codes_staff_ix` ON `staff_recovery_codes` (`staff_id`);--> statement-breakpoint
CREATE INDEX `staff_sign_ins_staff_at_ix` ON `staff_sign_ins` (`staff_id`,`at`);--> statement-breakpoint
CREATE INDEX `pick_batch_lines_batch_ix` ON `pick_batch_lines` (`batch_id`);--> statement-breakpoint
CREATE INDEX `pick_batch_lines_order_ix` ON `pick_batch_lines` (`order_id`);--> statement-breakpoint
CREATE INDEX `pick_batches_status_ix` ON `pick_batches` (`status`);--> statement-breakpoint
CREATE INDEX `shipment_events_shipment_ix` ON `shipment_events` (`shipment_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `shipments_order_ix` ON `shipments` (`order_id`);--> statement-breakpoint
CREATE INDEX `tracking_blocks_holder_ix` ON `tracking_blocks` (`holder`);--> statement-breakpoint
CREATE INDEX `return_lines_return_ix` ON `return_lines` (`return_id`);--> statement-breakpoint
CREATE INDEX `return_lines_order_line_ix` ON `return_lines` (`order_line_id`);--> statement-breakpoint
CREATE INDEX `returns_order_ix` ON `returns` (`order_id`);--> statement-breakpoint
CREATE INDEX `sync_results_created_ix` ON `sync_results` (`created_at`);