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
CREATE UNIQUE INDEX `returns_refund_uq` ON `returns` (`refund_id`);