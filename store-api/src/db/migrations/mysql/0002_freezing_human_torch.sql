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
CREATE INDEX `return_lines_return_ix` ON `return_lines` (`return_id`);--> statement-breakpoint
CREATE INDEX `return_lines_order_line_ix` ON `return_lines` (`order_line_id`);--> statement-breakpoint
CREATE INDEX `returns_order_ix` ON `returns` (`order_id`);