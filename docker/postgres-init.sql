-- One database per service (ARCHITECTURE.md), each owned by the service's own login, which can reach no other
-- service's database: least privilege, and each can later move to its own server. The passwords are for this compose
-- file only; a deployment takes them from its secret store (README, "Credentials in production").
create role ntm_village login password 'ntm-village';
create role ntm_criteria login password 'ntm-criteria';
create role ntm_reporting login password 'ntm-reporting';
create database ntm_village owner ntm_village;
create database ntm_criteria owner ntm_criteria;
create database ntm_reporting owner ntm_reporting;
revoke all on database ntm_village, ntm_criteria, ntm_reporting from public;
grant connect on database ntm_village to ntm_village;
grant connect on database ntm_criteria to ntm_criteria;
grant connect on database ntm_reporting to ntm_reporting;
-- Keycloak's own database (the identity provider of this compose file)
create role keycloak login password 'keycloak';
create database keycloak owner keycloak;
