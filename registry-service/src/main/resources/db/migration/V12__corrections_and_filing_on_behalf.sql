-- Corrections: the audit trail keeps the reason an officer gave for changing a tax code or an area.
alter table audit_entry add column reason varchar(1000);

-- Filing on behalf of a producer: who filed the dossier (the token subject) and whether it was an officer acting for
-- the producer. Earlier dossiers were filed by their producer.
alter table application add column filed_by varchar(200);
alter table application add column filed_on_behalf boolean not null default false;
update application set filed_by = created_by where filed_by is null;
