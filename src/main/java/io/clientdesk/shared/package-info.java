/**
 * What every module may use: identifiers and the exceptions that the API answers as
 * problem details. It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.clientdesk.shared;
