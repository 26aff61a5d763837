/**
 * iCalendar (RFC 5545) output: feeds for the whole site, each circle and each event. Written by hand
 * rather than with a library: the generator needs only VCALENDAR, VEVENT and VTIMEZONE, and doing it
 * here keeps the output byte-identical between builds (no generated UIDs or timestamps) and keeps a
 * large dependency out of the generator. Everything in this package is non-null unless documented
 * otherwise.
 */
package dev.peerhub.calendar;
