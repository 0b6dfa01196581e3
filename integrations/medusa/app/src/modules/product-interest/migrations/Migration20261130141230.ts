import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130141230 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "product_interest" drop constraint if exists "product_interest_sku_store_key_day_source_unique";`);
    this.addSql(`create table if not exists "product_interest" ("id" text not null, "sku" text not null, "store_key" text not null, "day" text not null, "source" text not null, "count" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "product_interest_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_product_interest_deleted_at" ON "product_interest" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_product_interest_sku_store_key_day_source_unique" ON "product_interest" ("sku", "store_key", "day", "source") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_product_interest_day" ON "product_interest" ("day") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "product_interest" cascade;`);
  }

}
