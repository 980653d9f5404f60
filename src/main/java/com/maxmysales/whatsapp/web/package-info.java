/**
 * The API that connects WhatsApp numbers.
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales.whatsapp.web;
