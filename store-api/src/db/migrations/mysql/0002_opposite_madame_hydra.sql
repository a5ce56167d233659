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
CREATE INDEX `pick_batch_lines_batch_ix` ON `pick_batch_lines` (`batch_id`);--> statement-breakpoint
CREATE INDEX `pick_batch_lines_order_ix` ON `pick_batch_lines` (`order_id`);--> statement-breakpoint
CREATE INDEX `pick_batches_status_ix` ON `pick_batches` (`status`);--> statement-breakpoint
CREATE INDEX `shipment_events_shipment_ix` ON `shipment_events` (`shipment_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `shipments_order_ix` ON `shipments` (`order_id`);--> statement-breakpoint
CREATE INDEX `tracking_blocks_holder_ix` ON `tracking_blocks` (`holder`);