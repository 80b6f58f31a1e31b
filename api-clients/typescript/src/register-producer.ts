// What an integrator writes with the generated types: register a producer in the registry and read it back.
// Usage: node dist/register-producer.js <registry base URL> <province-officer token> <tax code>
// Prints one line: "<id> <taxCode> <name> <kind> <provinceCode> ETag <etag> read back <taxCode of the read>".
import createClient from "openapi-fetch";

import type { paths } from "./generated/registry.js";

type ProducerRequest = paths["/api/v1/producers"]["post"]["requestBody"]["content"]["application/json"];

const [baseUrl, token, taxCode] = process.argv.slice(2);
if (baseUrl === undefined || token === undefined || taxCode === undefined) {
  console.error("usage: register-producer <registry base URL> <token> <tax code>");
  process.exit(2);
}

const registry = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });

const request: ProducerRequest = {
  name: "HTX Tỏi Lý Sơn (TypeScript client)",
  kind: "COOPERATIVE",
  taxCode,
  provinceCode: "51",
  communeCode: "21040",
  representative: { fullName: "Nguyễn Thị Hoa", gender: "FEMALE" },
};

const created = await registry.POST("/api/v1/producers", {
  params: { header: { "Idempotency-Key": `ts-example-${taxCode}` } },
  body: request,
});
if (created.data === undefined) {
  console.error(`register failed: ${created.response.status} ${JSON.stringify(created.error)}`);
  process.exit(1);
}
const id = created.data.id;
if (id === undefined) {
  console.error("the registered producer has no id");
  process.exit(1);
}

const read = await registry.GET("/api/v1/producers/{id}", { params: { path: { id } } });
if (read.data === undefined) {
  console.error(`read failed: ${read.response.status} ${JSON.stringify(read.error)}`);
  process.exit(1);
}
const producer = read.data;
console.log([id, producer.taxCode, producer.name, producer.kind, producer.provinceCode,
  "ETag", created.response.headers.get("ETag"), "read back", producer.taxCode].join(" "));
