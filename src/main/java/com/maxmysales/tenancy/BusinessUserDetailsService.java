package com.maxmysales.tenancy;

import com.maxmysales.shared.EmailAddress;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Looks business users up by the email they type on the login form. */
@Service
class BusinessUserDetailsService implements UserDetailsService {

    private final BusinessUsers users;

    BusinessUserDetailsService(BusinessUsers users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return EmailAddress.parse(email).flatMap(address -> users.findForLogin(address.value()))
                .orElseThrow(() -> new UsernameNotFoundException("no such business user"));
    }
}
