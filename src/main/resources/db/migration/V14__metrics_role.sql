-- METRICS: the account of the operator's scraper (Prometheus). It reads /actuator/prometheus with HTTP Basic
-- and nothing else: it signs in to no page and reads no report (docs/operations.md).
alter table app_user drop constraint app_user_role_ck;
alter table app_user add constraint app_user_role_ck check (role in ('ADMIN', 'LEADER', 'STAFF', 'METRICS'));
