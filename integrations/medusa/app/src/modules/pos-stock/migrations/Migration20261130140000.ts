import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261130140000 extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table if not exists "pos_stock_adjustment" ("id" text not null, "key" text not null, "sku" text not null, "inventory_item_id" text not null, "location_id" text not null, "delta" integer not null, "expected" integer null, "counted" integer null, "stocked_before" integer null, "stocked_after" integer null, "reason" text not null default 'stock_count', "applied" boolean not null default false, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pos_stock_adjustment_pkey" primary key ("id"));`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pos_stock_adjustment_key_unique" ON "pos_stock_adjustment" (key) WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_stock_adjustment_deleted_at" ON "pos_stock_adjustment" (deleted_at) WHERE deleted_at IS NULL;`)
    this.addSql(`create table if not exists "pos_stock_transfer" ("id" text not null, "number" text not null, "from_location_id" text not null, "to_location_id" text not null, "status" text check ("status" in ('sent', 'received')) not null default 'sent', "sent_at" timestamptz not null, "received_at" timestamptz null, "received_key" text null, "received_by" text null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pos_stock_transfer_pkey" primary key ("id"));`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pos_stock_transfer_number_unique" ON "pos_stock_transfer" (number) WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_stock_transfer_deleted_at" ON "pos_stock_transfer" (deleted_at) WHERE deleted_at IS NULL;`)
    this.addSql(`create table if not exists "pos_stock_transfer_line" ("id" text not null, "sku" text not null, "inventory_item_id" text not null, "quantity" integer not null, "received_quantity" integer null, "transfer_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pos_stock_transfer_line_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_stock_transfer_line_transfer_id" ON "pos_stock_transfer_line" (transfer_id) WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pos_stock_transfer_line_deleted_at" ON "pos_stock_transfer_line" (deleted_at) WHERE deleted_at IS NULL;`)
    this.addSql(`alter table if exists "pos_stock_transfer_line" add constraint "pos_stock_transfer_line_transfer_id_foreign" foreign key ("transfer_id") references "pos_stock_transfer" ("id") on update cascade on delete cascade;`)
  }

  async down(): Promise<void> {
    this.addSql(`drop table if exists "pos_stock_transfer_line" cascade;`)
    this.addSql(`drop table if exists "pos_stock_transfer" cascade;`)
    this.addSql(`drop table if exists "pos_stock_adjustment" cascade;`)
  }
}
