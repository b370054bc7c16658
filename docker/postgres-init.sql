-- One database per service (ARCHITECTURE.md): each can later move to its own server.
create database ntm_village;
create database ntm_criteria;
create database ntm_reporting;
