/**
 * MaxMySales: the application class; each direct sub-package is one module (docs/architecture.md).
 */
@org.jspecify.annotations.NullMarked
package com.maxmysales;
