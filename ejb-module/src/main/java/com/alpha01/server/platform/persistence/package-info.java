/**
 * The database as this node finds it: the schema brought up to date with Flyway at deployment
 * (adopting the history of the migrator before it), and the probe that asks PostgreSQL whether it
 * answers.
 */
package com.alpha01.server.platform.persistence;
