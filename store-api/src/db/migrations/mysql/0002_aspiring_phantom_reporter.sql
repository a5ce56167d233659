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
CREATE INDEX `customer_addresses_customer_ix` ON `customer_addresses` (`customer_id`,`created_at`);