CREATE TABLE `back_in_stock_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`variant_id` text NOT NULL,
	`email` text NOT NULL,
	`customer_id` text,
	`status` text NOT NULL,
	`token` text NOT NULL,
	`created_at` integer NOT NULL,
	`notified_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `back_in_stock_variant_email_uq` ON `back_in_stock_requests` (`variant_id`,`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `back_in_stock_token_uq` ON `back_in_stock_requests` (`token`);--> statement-breakpoint
CREATE INDEX `back_in_stock_variant_status_ix` ON `back_in_stock_requests` (`variant_id`,`status`);--> statement-breakpoint
CREATE TABLE `product_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`rating` integer NOT NULL,
	`fit` text NOT NULL,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`held_reason` text,
	`moderated_by` text,
	`moderated_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `product_reviews_product_customer_uq` ON `product_reviews` (`product_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `product_reviews_product_status_ix` ON `product_reviews` (`product_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `product_reviews_status_ix` ON `product_reviews` (`status`,`created_at`);