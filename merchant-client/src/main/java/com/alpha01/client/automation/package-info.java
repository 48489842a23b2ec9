/**
 * 自动化执行: the shop's rules (keyword → reply or action), triggers (greeting, idle follow-up,
 * after-hours notice) and schedules (cron-style), each execution logged, failures retried and then
 * reported to staff. Time comes from an injected clock.
 */
package com.alpha01.client.automation;
