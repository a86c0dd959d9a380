/**
 * Demo data: departments, a file plan, case files and users of every role for a first look.
 */
package de.akte.core.application.demo;
