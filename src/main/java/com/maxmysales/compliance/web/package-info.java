/** The breach register, the disclosure log and the compliance report over HTTP: the API and the pages. */
@org.jspecify.annotations.NullMarked
package com.maxmysales.compliance.web;
