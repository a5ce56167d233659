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
