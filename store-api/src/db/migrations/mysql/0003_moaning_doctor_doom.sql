CREATE TABLE `back_in_stock_requests` (
	`id` varchar(36) NOT NULL,
	`variant_id` varchar(36) NOT NULL,
	`email` varchar(254) NOT NULL,
	`customer_id` varchar(36),
	`status` varchar(16) NOT NULL,
	`token` varchar(64) NOT NULL,
	`created_at` bigint NOT NULL,
	`notified_at` bigint,
	CONSTRAINT `back_in_stock_requests_id` PRIMARY KEY(`id`),
	CONSTRAINT `back_in_stock_variant_email_uq` UNIQUE(`variant_id`,`email`),
	CONSTRAINT `back_in_stock_token_uq` UNIQUE(`token`)
);
--> statement-breakpoint
CREATE TABLE `product_reviews` (
	`id` varchar(36) NOT NULL,
	`product_id` varchar(36) NOT NULL,
	`customer_id` varchar(36) NOT NULL,
	`rating` int NOT NULL,
	`fit` varchar(8) NOT NULL,
	`body` text NOT NULL,
	`status` varchar(16) NOT NULL,
	`held_reason` varchar(32),
	`moderated_by` varchar(36),
	`moderated_at` bigint,
	`created_at` bigint NOT NULL,
	CONSTRAINT `product_reviews_id` PRIMARY KEY(`id`),
	CONSTRAINT `product_reviews_product_customer_uq` UNIQUE(`product_id`,`customer_id`)
);
--> statement-breakpoint
CREATE INDEX `back_in_stock_variant_status_ix` ON `back_in_stock_requests` (`variant_id`,`status`);--> statement-breakpoint
CREATE INDEX `product_reviews_product_status_ix` ON `product_reviews` (`product_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `product_reviews_status_ix` ON `product_reviews` (`status`,`created_at`);