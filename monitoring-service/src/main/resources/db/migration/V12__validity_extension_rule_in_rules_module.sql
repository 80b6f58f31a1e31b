-- The transition rules (QĐ 26/2026 Điều 12) now live with the programme's other rules in the rules module
-- (rules/src/main/resources/vn/ocop/rules/programme-rules.json, version QD26-2026, validityExtensions).
drop table validity_extension_rule;
